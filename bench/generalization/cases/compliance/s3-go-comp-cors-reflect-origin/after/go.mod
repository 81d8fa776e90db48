module github.com/acme/wallet

go 1.22
