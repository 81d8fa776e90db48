package merchants

type Merchant struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type Service struct {
	store map[string]Merchant
}
