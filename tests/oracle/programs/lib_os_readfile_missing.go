// os.ReadFile of a file that does not exist returns an error wrapping fs.ErrNotExist.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	_, err := os.ReadFile("/golite-oracle/does/not/exist.txt")
	fmt.Println(err)
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
}
