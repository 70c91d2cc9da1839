// Newlines: Sscan treats them as space, Sscanln stops at one, Sscanf's format must match them.
package main

import "fmt"

func main() {
	var a, b, c int
	show := func(label string, n int, err error) {
		fmt.Printf("%s: n=%d err=%v a=%d b=%d c=%d\n", label, n, err, a, b, c)
		a, b, c = 0, 0, 0
	}

	n, err := fmt.Sscan("1\n2\n\n3", &a, &b, &c)
	show("Sscan across lines", n, err)
	n, err = fmt.Sscan("1\r\n2 3", &a, &b, &c)
	show("Sscan CRLF", n, err)

	n, err = fmt.Sscanln("1 2 3\n4", &a, &b, &c)
	show("Sscanln one line", n, err)
	n, err = fmt.Sscanln("1 2\n3", &a, &b, &c)
	show("Sscanln short line", n, err)
	n, err = fmt.Sscanln("1 2 3 4", &a, &b, &c)
	show("Sscanln extra", n, err)
	n, err = fmt.Sscanln("1 2 3   \t", &a, &b, &c)
	show("Sscanln trailing space", n, err)
	n, err = fmt.Sscanln("1 2 3  \n junk", &a, &b, &c)
	show("Sscanln stops at newline", n, err)
	n, err = fmt.Sscanln("\n1 2 3", &a, &b, &c)
	show("Sscanln leading newline", n, err)
	n, err = fmt.Sscanln("", &a)
	show("Sscanln empty", n, err)
	n, err = fmt.Sscanln("1 2", &a)
	show("Sscanln expected newline", n, err)
	n, err = fmt.Sscanln("1\r\n", &a)
	show("Sscanln CRLF", n, err)
	n, err = fmt.Sscanln("  \n", &a)
	show("Sscanln blank line", n, err)
	n, err = fmt.Sscanln("x")
	show("Sscanln no operands", n, err)

	n, err = fmt.Sscanf("1\n2", "%d %d", &a, &b)
	show("Sscanf newline for space", n, err)
	n, err = fmt.Sscanf("1\n2", "%d\n%d", &a, &b)
	show("Sscanf newline matched", n, err)
	n, err = fmt.Sscanf("1 2", "%d\n%d", &a, &b)
	show("Sscanf newline missing", n, err)
	n, err = fmt.Sscanf("1  \n  2", "%d \n %d", &a, &b)
	show("Sscanf spaces around newline", n, err)
	n, err = fmt.Sscanf("1\n\n2", "%d\n%d", &a, &b)
	show("Sscanf two newlines for one", n, err)
	n, err = fmt.Sscanf("1\n\n2", "%d\n\n%d", &a, &b)
	show("Sscanf two newlines", n, err)
	n, err = fmt.Sscanf("1\n", "%d", &a)
	show("Sscanf trailing newline", n, err)
	n, err = fmt.Sscanf("1\n", "%d\n", &a)
	show("Sscanf trailing newline in format", n, err)
	n, err = fmt.Sscanf("1", "%d\n", &a)
	show("Sscanf format newline at EOF", n, err)
	n, err = fmt.Sscanf("1 ", "%d ", &a)
	show("Sscanf trailing space", n, err)
	n, err = fmt.Sscanf("1x", "%d x", &a)
	show("Sscanf expected space", n, err)
	n, err = fmt.Sscanf("\n1", "%d", &a)
	show("Sscanf leading newline", n, err)
	n, err = fmt.Sscanf("1\n2", "%d%d", &a, &b)
	show("Sscanf newline between verbs", n, err)
	n, err = fmt.Sscanf("a\nb", "%c%c%c", &a, &b, &c)
	show("Sscanf %c reads newlines", n, err)
	n, err = fmt.Sscanf(" \t7", "%d", &a)
	show("Sscanf leading blanks", n, err)
	n, err = fmt.Sscanf("1 2", " %d  %d ", &a, &b)
	show("Sscanf spaces everywhere", n, err)
	n, err = fmt.Sscanf("12", "%d\t%d", &a, &b)
	show("Sscanf tab needs space", n, err)

	var s1, s2 string
	n, err = fmt.Sscanf("key: value\nnext", "%s %s", &s1, &s2)
	fmt.Printf("words: n=%d err=%v %q %q\n", n, err, s1, s2)
	n, err = fmt.Sscanln("alpha beta", &s1, &s2)
	fmt.Printf("words: n=%d err=%v %q %q\n", n, err, s1, s2)
}
