import ArgumentParser
import CareStudy

// The spec's names as option values (`--method apl`, `--decay gaussian`, `--objective mclp`, `--method both`): their raw values.
extension IndicatorSpec.Method: ExpressibleByArgument {}
extension IndicatorSpec.Decay: ExpressibleByArgument {}
extension ObjectiveSpec: ExpressibleByArgument {}
extension PlacementSpec.Methods: ExpressibleByArgument {}
