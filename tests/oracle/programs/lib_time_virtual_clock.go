// time.Time values on the virtual clock: a synctest bubble starts at 2000-01-01 00:00:00 UTC and
// the clock only moves when every goroutine sleeps.
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now().UTC()
	fmt.Println(start.Year(), start.Month(), start.Day(), start.Weekday(), start.Hour())
	time.Sleep(90 * time.Minute)
	now := time.Now().UTC()
	fmt.Println(now.Sub(start), time.Since(start), now.After(start), start.Before(now))
	fmt.Println(now.Format("2006-01-02 15:04:05"), now.Format(time.RFC3339), now.Format(time.Kitchen))
	later := now.Add(36 * time.Hour)
	fmt.Println(later.Format("Mon Jan 2 15:04"), later.YearDay(), later.Sub(now).Hours())
	fmt.Println(start.Unix(), start.Equal(start.Add(0)), now.Truncate(time.Hour).Format("15:04"))
	fmt.Println(start.AddDate(0, 1, 30).Format(time.DateOnly))
}
