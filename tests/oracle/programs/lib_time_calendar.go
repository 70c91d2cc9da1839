// time.Date normalizes out-of-range fields; Weekday, Month and Time print by their String
// methods; layouts with 12-hour clocks, fractions and day-of-year; the timer channel's Time.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	t := time.Date(2023, 14, 31, 25, 61, -1, 1500, time.UTC)
	fmt.Println(t, t.Weekday(), t.YearDay())
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	fmt.Println(y, m, d, h, mi, s, t.Nanosecond())
	fmt.Printf("%v %s %d %v\n", time.March, time.Friday, time.March, time.Month(13))
	fmt.Println(t.Format("Monday, January 2 2006 at 3:04:05.000 pm (002)"), t.Format(time.StampMicro))
	fmt.Println(t.Truncate(24*time.Hour), t.Round(time.Hour).Format(time.Kitchen))
	leap := time.Date(2024, time.February, 29, 12, 0, 0, 0, time.UTC)
	fmt.Println(leap.AddDate(1, 0, 0).Format(time.DateOnly), leap.AddDate(0, 1, -29).Format(time.DateOnly))
	fmt.Println(time.Unix(0, 0).UTC(), time.UnixMilli(1500).UTC().Format(time.RFC3339Nano))
	start := time.Now()
	tick := <-time.After(1500 * time.Millisecond)
	fmt.Println(tick, tick.Sub(start), start.Compare(tick), tick.Equal(time.Now()))
	ctx, cancel := context.WithDeadline(context.Background(), start.Add(time.Hour))
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println(dl.Format(time.TimeOnly), ok, time.Until(dl))
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Weekday(), zero.Year())
}
