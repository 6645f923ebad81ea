-- AlterTable
ALTER TABLE "ModelVersion" ADD COLUMN     "processing" JSONB;
