module github.com/acme/archiver

go 1.22
