-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "runCost" JSONB;
