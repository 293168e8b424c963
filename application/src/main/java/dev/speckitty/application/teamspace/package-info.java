/** The repository's Teamspace binding: show, bind (making a git repository a project when needed), unbind. */
package dev.speckitty.application.teamspace;
