/**
 * A small app as a user would write it: a checksum task over a file's bytes with a record result, a
 * task that fails and one that is slow. Nothing is registered: Warren derives the ids of the
 * records and the enum, and a worker finds the tasks by their {@code @TaskOptions}.
 */
package com.example.checksums;
