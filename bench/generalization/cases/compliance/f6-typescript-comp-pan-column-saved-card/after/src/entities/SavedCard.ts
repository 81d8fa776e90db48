import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'saved_cards' })
export class SavedCard {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'customer_id' })
  customerId!: string;

  @Column({ name: 'processor_token' })
  processorToken!: string;

  @Column({ length: 16 })
  brand!: string;

  @Column({ length: 4 })
  last4!: string;

  @Column({ name: 'exp_month', type: 'smallint' })
  expMonth!: number;

  @Column({ name: 'exp_year', type: 'smallint' })
  expYear!: number;

  // kept so we can re-provision network tokens when we switch processors
  @Column({ name: 'card_number', type: 'varchar', length: 19, nullable: true })
  cardNumber!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
