// The strings, strconv and sort helpers lessons use.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type byLen []string

func main() {
	s := "  Go,  is,fun  "
	parts := strings.Split(strings.TrimSpace(s), ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	fmt.Printf("%q\n", parts)
	fmt.Println(strings.Join(parts, " "), strings.ToUpper("go"), strings.ToLower("GO"))
	fmt.Println(strings.Contains("gopher", "ph"), strings.HasPrefix("gopher", "go"), strings.HasSuffix("gopher", "er"))
	fmt.Println(strings.Index("chicken", "ken"), strings.Index("x", "y"), strings.Repeat("ab", 3))
	fmt.Println(strings.Fields(" a  b c "), len(strings.Fields(" a  b c ")), strings.Count("cheese", "e"))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", "+"), strings.Replace("a-b-c", "-", "+", 1), strings.TrimPrefix("v1.2", "v"))
	var b strings.Builder
	for i := 3; i > 0; i-- {
		b.WriteString(fmt.Sprintf("%d...", i))
	}
	b.WriteString("go")
	fmt.Println(b.String(), b.Len())
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	fmt.Println(strconv.Itoa(-45)+"!", strconv.Quote("hi\n"), strconv.FormatInt(255, 16))
	f, _ := strconv.ParseFloat("2.5", 64)
	bv, _ := strconv.ParseBool("true")
	fmt.Println(f*2, bv)
	nums := []int{5, 2, 8, 1}
	sort.Ints(nums)
	words := []string{"banana", "kiwi", "apple", "fig"}
	sort.Strings(words)
	fmt.Println(nums, words, sort.SearchInts(nums, 5))
	sort.Slice(words, func(i, j int) bool {
		return len(words[i]) < len(words[j]) || len(words[i]) == len(words[j]) && words[i] < words[j]
	})
	fmt.Println(words)
	people := []struct {
		name string
		age  int
	}{{"al", 30}, {"bo", 25}, {"cy", 30}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age > people[j].age })
	fmt.Println(people)
}
