package dev.speckitty.emulator.web;

/** A request the emulator cannot act on; the message is safe to return (it never contains a token). */
final class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message);
    }
}
