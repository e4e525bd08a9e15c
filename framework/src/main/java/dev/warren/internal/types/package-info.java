/**
 * What a task class brings onto the wire: the closure of the types reachable from its record
 * components and its result type ({@code TypeClosure}), the checks that refuse what cannot travel,
 * and the classpath scan that finds the task classes a worker must know before it decodes anything
 * ({@code TaskScan}). Pure reflection and file reading; knows no codec.
 *
 * <p>Internal: free to change; applications and examples never import it.
 */
package dev.warren.internal.types;
