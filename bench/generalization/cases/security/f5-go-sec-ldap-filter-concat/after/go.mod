module example.com/sso

go 1.22

require (
	github.com/go-ldap/ldap/v3 v3.4.8
)
