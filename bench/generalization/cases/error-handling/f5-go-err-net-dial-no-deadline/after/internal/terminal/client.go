package terminal

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"time"
)

type Client struct {
	Addr    string
	Timeout time.Duration
}

func (c *Client) roundTrip(line string) (string, error) {
	conn, err := net.DialTimeout("tcp", c.Addr, c.Timeout)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(c.Timeout)); err != nil {
		return "", err
	}
	if _, err := fmt.Fprintf(conn, "%s\n", line); err != nil {
		return "", err
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(reply), err
}

func (c *Client) Sale(amountCents int64, ref string) (string, error) {
	return c.roundTrip(fmt.Sprintf("SALE %d %s", amountCents, ref))
}

// Status asks the terminal for its state; the POS polls it every few seconds.
func (c *Client) Status() (string, error) {
	conn, err := net.Dial("tcp", c.Addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := fmt.Fprintln(conn, "STATUS"); err != nil {
		return "", err
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(reply), err
}
