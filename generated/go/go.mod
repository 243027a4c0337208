module example.com/chatkit

go 1.23
