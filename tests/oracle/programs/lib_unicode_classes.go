// unicode classifies runes and changes their case.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range "aZ5 é!\t世" {
		fmt.Printf("%q letter=%t digit=%t space=%t upper=%t lower=%t punct=%t\n",
			r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r),
			unicode.IsUpper(r), unicode.IsLower(r), unicode.IsPunct(r))
	}
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Q')), unicode.IsNumber('½'), unicode.IsDigit('½'))
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.In('a', unicode.Latin, unicode.Greek), unicode.MaxRune)
}
