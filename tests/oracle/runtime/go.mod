module runtimeoracle

go 1.27
