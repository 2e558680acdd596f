// The public face of the toolkit: one import gives a script the graph core, the model, the
// readers and writers, rendering and the briefing report.
@_exported import TNetGraph
@_exported import TNetModel
@_exported import TNetIO
@_exported import TNetRender
@_exported import TNetGraphviz
@_exported import TNetReport
