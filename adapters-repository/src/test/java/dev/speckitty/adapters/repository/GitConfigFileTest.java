package dev.speckitty.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitConfigFileTest {

    private static final String CONFIG = """
            [core]
            \trepositoryformatversion = 0
            [remote "upstream"]
            \turl = git@github.com:other/repo.git
            [Remote "origin"] ; case-insensitive section name
            \t# url = git@github.com:commented/out.git
            \tfetch = +refs/heads/*:refs/remotes/origin/*
            \tURL = "git@github.com:acme/spec kitty.git" # trailing comment
            \turl = git@github.com:second/value.git
            [branch "main"]
            \tremote = origin
            """;

    @Test
    void findsTheFirstOriginUrlWithQuotesAndCommentsRemoved() {
        assertThat(new GitConfigFile(CONFIG).first("remote", "origin", "url"))
                .contains("git@github.com:acme/spec kitty.git");
    }

    @Test
    void theSubsectionIsCaseSensitiveAndOtherSectionsDoNotLeakIn() {
        assertThat(new GitConfigFile(CONFIG).first("remote", "Origin", "url")).isEmpty();
        assertThat(new GitConfigFile("[remote \"upstream\"]\n url = a:b/c\n[core]\n url = x:y/z\n")
                .first("remote", "origin", "url")).isEmpty();
    }

    @Test
    void legacyHeadersEscapesContinuationsAndKeysOnTheHeaderLine() {
        assertThat(new GitConfigFile("[remote.ORIGIN]\n url = https://h/a/b\n").first("remote", "origin", "url"))
                .contains("https://h/a/b");
        assertThat(new GitConfigFile("[remote \"origin\"] url = https://h/a/b ;c\n").first("remote", "origin", "url"))
                .contains("https://h/a/b");
        assertThat(new GitConfigFile("[remote \"origin\"]\r\n\turl = https://h/\\\r\nacme/repo\r\n")
                .first("remote", "origin", "url")).contains("https://h/acme/repo");
        assertThat(new GitConfigFile("[remote \"origin\"]\n url = \"a\\\"b#c\"\n").first("remote", "origin", "url"))
                .contains("a\"b#c");
        assertThat(new GitConfigFile("[remote \"origin\"]\n url\n").first("remote", "origin", "url")).isEmpty();
    }
}
