module github.com/acme/profiles

go 1.22
