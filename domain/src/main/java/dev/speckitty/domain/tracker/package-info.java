/** Results of the hosted tracker endpoints. */
package dev.speckitty.domain.tracker;
