/**
 * A small app as a user would write it: a checksum task over a file's bytes with a record result, a
 * task that fails and one that is slow, and their catalog.
 */
package com.example.checksums;
