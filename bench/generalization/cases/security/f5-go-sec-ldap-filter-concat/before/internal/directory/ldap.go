package directory

import (
	"errors"
	"fmt"

	"github.com/go-ldap/ldap/v3"
)

var ErrNotFound = errors.New("directory: user not found")

type Client struct {
	Conn   *ldap.Conn
	BaseDN string
}

func (c *Client) FindByMail(mail string) (*ldap.Entry, error) {
	filter := fmt.Sprintf("(&(objectClass=inetOrgPerson)(mail=%s))", ldap.EscapeFilter(mail))
	return c.searchOne(filter)
}

func (c *Client) searchOne(filter string) (*ldap.Entry, error) {
	req := ldap.NewSearchRequest(
		c.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 2, 10, false,
		filter, []string{"dn", "uid", "mail", "memberOf"}, nil,
	)
	res, err := c.Conn.Search(req)
	if err != nil {
		return nil, err
	}
	if len(res.Entries) != 1 {
		return nil, ErrNotFound
	}
	return res.Entries[0], nil
}
