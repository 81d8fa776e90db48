package cards

import "testing"

func TestValid(t *testing.T) {
	cases := []struct {
		name   string
		number string
		want   bool
	}{
		{"visa test card", "4111111111111111", true},
		{"mastercard test card", "5555555555554444", true},
		{"amex test card", "378282246310005", true},
		{"bad checksum", "4111111111111112", false},
		{"letters", "4111abcd11111111", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Valid(tc.number); got != tc.want {
				t.Errorf("Valid(%q) = %v, want %v", tc.number, got, tc.want)
			}
		})
	}
}
