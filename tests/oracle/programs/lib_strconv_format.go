// strconv formatting: bases, quoting, floats and booleans.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2), strconv.FormatUint(1<<63, 36), strconv.Itoa(-42))
	fmt.Println(strconv.Quote("a\"b\n☺"), strconv.QuoteToASCII("☺"), strconv.QuoteRune('☺'))
	s, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", s, err)
	_, err = strconv.Unquote("abc")
	fmt.Println(err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1234.5678, 'e', 3, 64), strconv.FormatFloat(0.000001, 'g', -1, 64))
	f, err := strconv.ParseFloat("1e-3", 64)
	fmt.Println(f, err)
	_, err = strconv.ParseFloat("abc", 64)
	fmt.Println(err)
	b, err := strconv.ParseBool("TRUE")
	fmt.Println(b, err, strconv.FormatBool(false))
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)
	buf := strconv.AppendInt([]byte("n="), 12, 10)
	buf = strconv.AppendQuote(buf, "q")
	fmt.Println(string(buf))
}
