module github.com/acme/acquirer

go 1.22
