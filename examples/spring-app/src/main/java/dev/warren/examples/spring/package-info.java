/**
 * Example: a Spring Boot application that is its own producer and worker, through {@code
 * warren-spring-boot-starter}.
 */
package dev.warren.examples.spring;
