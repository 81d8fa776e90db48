import express from 'express';
import { statements } from './routes/statements';

export const app = express();
app.use('/me', statements);
