//! golite: lexer, parser and interpreter for the Go subset the lessons use.
