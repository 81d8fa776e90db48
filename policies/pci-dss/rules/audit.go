package payments

import (
	"github.com/stripe/stripe-go/v76"
	"gorm.io/gorm"
)

type Service struct {
	db    *gorm.DB
	audit *AuditLog
}

// ruleid: pci-audit-event-missing-go
func (s *Service) RefundOrder(order *Order) error {
	order.Status = "refunded"
	if err := s.db.Save(order).Error; err != nil {
		return err
	}
	return nil
}

// ok: pci-audit-event-missing-go
func (s *Service) RefundOrderAudited(actorID string, order *Order) error {
	order.Status = "refunded"
	s.db.Save(order)
	s.audit.Record("refund.issued", actorID, order.ID)
	return nil
}

// ruleid: pci-audit-event-missing-go
func ResetPassword(db *gorm.DB, user *User, hash string) error {
	user.PasswordHash = hash
	return db.Save(user).Error
}

// ok: pci-audit-event-missing-go
func GetRefund(db *gorm.DB, id string) (*stripe.Refund, error) {
	var r stripe.Refund
	err := db.First(&r, "id = ?", id).Error
	return &r, err
}
