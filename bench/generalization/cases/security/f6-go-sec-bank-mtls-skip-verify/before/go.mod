module github.com/acme/payouts

go 1.22
