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

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
