/**
 * Sessions for evaluations: a pool per copy of the rule base (one copy per core), a session reset
 * and handed out again after each use, and every generated class of a rule base defined before it
 * is shared. Imports only Drools.
 */
package com.addonconfigurator.rules.pool;
