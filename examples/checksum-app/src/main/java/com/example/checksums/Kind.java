package com.example.checksums;

/** What the bytes look like. */
public enum Kind {
    TEXT,
    BINARY
}
