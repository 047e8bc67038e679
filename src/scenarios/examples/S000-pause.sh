# S000-pause: a paused Deployment takes template edits without rolling them out; resume rolls them out at once
# zh: 暂停的 Deployment 接受模板修改但不上线；恢复后一次性上线
cat > app-deployment.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-deployment
  labels:
    app: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-deployment.yaml
sleep 10
kubectl get rs
kubectl rollout pause deployment.v1.apps/app-deployment
kubectl set resources deployment.v1.apps/app-deployment -c=app --limits=cpu=200m,memory=512Mi
sleep 15
# `kubectl get rs -w` watches; two samples show the same: nothing new while paused.
kubectl get rs
kubectl get deployment app-deployment -o jsonpath='{.spec.paused}'
kubectl describe deployment app-deployment
kubectl rollout resume deployment.v1.apps/app-deployment
sleep 30
kubectl get rs
kubectl get deployment app-deployment -o jsonpath='{.spec.template.spec.containers[0].resources.limits}'
kubectl describe deployment app-deployment
