/** Text that did not come from this program, made safe to show: {@link dev.speckitty.domain.text.UntrustedText}. */
package dev.speckitty.domain.text;
