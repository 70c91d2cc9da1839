// time.Date builds a Time; Format, Parse and calendar arithmetic work without the clock.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 28, 23, 30, 0, 0, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Add(time.Hour).Format(time.DateTime), t.AddDate(0, 0, 1).Weekday())
	p, err := time.Parse("2006-01-02", "2024-03-01")
	fmt.Println(p.Sub(t), err)
	_, err = time.Parse("2006-01-02", "2024-13-01")
	fmt.Println(err)
	fmt.Println(t.Month() == time.February, int(t.Month()), time.Saturday)
	var zero time.Time
	fmt.Println(zero.IsZero(), zero.Year())
	fmt.Println(time.Unix(86400, 0).UTC().Format(time.RFC1123))
}
