package dev.speckitty.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OriginRepoSlugTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "git@github.com:acme/spec-kitty.git             | acme/spec-kitty",
        "git@github.com:acme/spec-kitty                 | acme/spec-kitty",
        "github.com:acme/spec-kitty.git                 | acme/spec-kitty",
        "deploy@gitlab.example.com:group/sub/repo.git   | group/sub/repo",
        "https://github.com/acme/spec-kitty.git         | acme/spec-kitty",
        "https://github.com/acme/spec-kitty             | acme/spec-kitty",
        "https://github.com/acme/spec-kitty/            | acme/spec-kitty",
        "https://user:pw@github.com/acme/spec-kitty.git | acme/spec-kitty",
        "https://gitlab.com/group/sub/deeper/repo.git   | group/sub/deeper/repo",
        "https://host:8443/acme/repo.git?x=1#frag       | acme/repo",
        "ssh://git@github.com/acme/spec-kitty.git       | acme/spec-kitty",
        "ssh://github.com/acme/spec-kitty               | acme/spec-kitty",
        "ssh://git@host.example:2222/acme/repo.git      | acme/repo",
        "git://host.example/acme/repo.git               | acme/repo",
        "'  git@github.com:acme/repo.git  '             | acme/repo",
        "https://github.com//acme//repo.git             | acme/repo",
    })
    void acceptedRemoteForms(String url, String slug) {
        assertThat(OriginRepoSlug.parse(url)).contains(slug);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @ValueSource(strings = {
        "", "   ",
        "file:///srv/git/acme/repo.git", "FILE:///srv/git/acme/repo.git", "file:relative/acme/repo",
        "/srv/git/acme/repo.git", "./acme/repo", "../acme/repo",
        "https://github.com/repo.git", "https://github.com/", "https://github.com",
        "git@github.com:repo.git", "git@github.com:/repo", "https:///acme/repo", "just-a-word",
    })
    void rejectedRemoteForms(String url) {
        assertThat(OriginRepoSlug.parse(url)).isEmpty();
    }
}
