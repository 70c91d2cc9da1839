// Case mapping is rune by rune with Unicode's simple mappings, as Go's unicode and strings do:
// ß has no single-rune uppercase and stays, Σ lowers to σ even at the end of a word, the
// digraph ǆ has a title case of its own, and EqualFold folds σ, ς and Σ together but not ß and SS.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, s := range []string{"straße", "ΟΔΟΣ", "ǆungla", "ᾳ", "İstanbul", "ŉ", "hello-world foo_bar"} {
		fmt.Printf("%q %q %q %q\n", strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s))
	}
	for _, r := range []rune{'ß', 'ǆ', 'ᾳ', 'İ', 'Σ', 'ς', 'K', 'ſ'} {
		fmt.Printf("%c %c %c %c\n", r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
	fmt.Println(strings.EqualFold("ὀδός", "ὈΔΌΣ"), strings.EqualFold("σ", "ς"), strings.EqualFold("ß", "SS"),
		strings.EqualFold("Kelvin", "\u212Aelvin"), strings.EqualFold("ſ", "S"), strings.EqualFold("Go", "GOO"))
}
