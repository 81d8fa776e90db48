package orders

import (
	"context"

	"gorm.io/gorm"
)

type Order struct {
	ID         uint
	MerchantID uint
	Status     string
	TotalCents int64
}

type Repo struct{ db *gorm.DB }

func NewRepo(db *gorm.DB) *Repo { return &Repo{db: db} }

func (r *Repo) List(ctx context.Context, merchantID uint, status string) ([]Order, error) {
func (r *Repo) List(ctx context.Context, merchantID uint) ([]Order, error) {
	var out []Order
	q := r.db.WithContext(ctx).Where("merchant_id = ?", merchantID)
	err := q.Order("id desc").Limit(100).Find(&out).Error
	return out, err
}
