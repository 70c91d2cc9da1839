// hostile: real(complex(...)) nested 23 deep (about as deep as golite allows), constant at every level: each level once folded its argument again several times, so compiling took time exponential in the depth (over 60 s at 22)
// expect: exit
// stdout: 1
package main

import "fmt"

func main() {
	fmt.Println(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(real(complex(1.0, 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)), 1)))
}
