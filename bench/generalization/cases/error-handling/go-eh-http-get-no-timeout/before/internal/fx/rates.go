package fx

type Rates map[string]float64
