-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "inputMapping" JSONB;
