# S000-job: Job `pi` prints pi to 100 places and completes; with ttlSecondsAfterFinished it is deleted 100 s later
# zh: Job `pi` 输出圆周率到小数点后 100 位并完成；设置 ttlSecondsAfterFinished 后 100 秒被删除
cat > pi-job.yaml <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
        - name: pi
          image: resouer/ubuntu-bc
          imagePullPolicy: Never
          command: ["sh", "-c", "echo 'scale=100; 4*a(1)' | bc -l "]
      restartPolicy: Never
  backoffLimit: 4
  activeDeadlineSeconds: 100
EOF
kubectl apply -f pi-job.yaml
sleep 15
kubectl get job pi
kubectl get pods -l job-name=pi
kubectl get job pi -o jsonpath='{.status.conditions[*].type}'
# The seed's `kubectl logs $pods`, with $pods set as the Kubernetes docs set it.
kubectl logs $(kubectl get pods --selector=job-name=pi --output=jsonpath='{.items[*].metadata.name}')
kubectl describe job pi
kubectl delete job pi
cat > pi-job-ttl.yaml <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
        - name: pi
          image: resouer/ubuntu-bc
          imagePullPolicy: Never
          command: ["sh", "-c", "echo 'scale=100; 4*a(1)' | bc -l "]
      restartPolicy: Never
  backoffLimit: 4
  activeDeadlineSeconds: 100
  ttlSecondsAfterFinished: 100
EOF
kubectl apply -f pi-job-ttl.yaml
sleep 60
kubectl get job pi
sleep 60
kubectl get job pi
kubectl get pods -l job-name=pi
