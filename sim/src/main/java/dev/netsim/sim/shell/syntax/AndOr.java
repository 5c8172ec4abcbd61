package dev.netsim.sim.shell.syntax;

import com.google.common.base.Preconditions;
import java.util.List;

/** Pipelines joined by {@code &&} and {@code ||}; {@code connectors.get(i)} joins pipeline i and i + 1. */
public record AndOr(List<Pipeline> pipelines, List<Connector> connectors) {
  public AndOr {
    pipelines = List.copyOf(pipelines);
    connectors = List.copyOf(connectors);
    Preconditions.checkArgument(connectors.size() == pipelines.size() - 1, "one connector between two pipelines");
  }

  /** {@code &&} or {@code ||}. */
  public enum Connector {
    AND,
    OR
  }
}
