package dev.netsim.rules.cli;

import dev.netsim.rules.model.RuleSpec;
import java.util.List;

/**
 * An iptables command line after parsing: the command, its chain and numbers, the listing options, and for
 * rule commands the rule(s) it describes (one per source/destination address combination).
 */
record ParsedCommand(
    CommandKind command, boolean alsoZero, String table, String chain, int ruleNumber, String newName,
    String policy, boolean numeric, int verbose, boolean exact, boolean lineNumbers,
    boolean counters, long packets, long bytes, List<RuleSpec> rules, List<String> warnings,
    String jumpChain) {

  boolean verboseOn() {
    return verbose > 0;
  }
}
