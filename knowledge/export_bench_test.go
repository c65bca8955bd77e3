package knowledge

// OpenWithExtractor is openWith for the benchmarks of package
// knowledge_test, which generate readouts with readoutgen (a package that
// imports this one, so they cannot live here).
var OpenWithExtractor = openWith
