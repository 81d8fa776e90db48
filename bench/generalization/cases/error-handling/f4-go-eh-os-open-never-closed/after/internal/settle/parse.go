package settle

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type Line struct {
	Ref    string
	Amount string
}

func ParseFile(path string) ([]Line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var out []Line
	for sc.Scan() {
		parts := strings.Split(sc.Text(), ";")
		if len(parts) < 2 {
			return nil, fmt.Errorf("%s: malformed line %q", path, sc.Text())
		}
		out = append(out, Line{Ref: parts[0], Amount: parts[1]})
	}
	return out, sc.Err()
}
