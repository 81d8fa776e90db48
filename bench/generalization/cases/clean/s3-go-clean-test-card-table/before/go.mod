module github.com/acme/cards

go 1.22
