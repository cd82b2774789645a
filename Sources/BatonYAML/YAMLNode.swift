/// Reads YAML through libyaml into positioned nodes (see YAMLNode).
import CYAML
