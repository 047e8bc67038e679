# S000-scale: `kubectl scale` sets the replica count; scaling a stuck rollout adds replicas in proportion
# zh: `kubectl scale` 设置副本数；在卡住的滚动更新中扩容时按比例分配新增副本
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
kubectl scale deployment.v1.apps/app-deployment --replicas=10
sleep 15
kubectl get deployment app-deployment
# 比例缩放, with the numbers of the Kubernetes docs' example this section translates: maxSurge 3, maxUnavailable 2,
# and an image that cannot be pulled, so the rollout stops half way.
kubectl patch deployment.v1.apps/app-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":3,"maxUnavailable":2}}}}'
kubectl set image deployment.v1.apps/app-deployment app=app:1.0.9
sleep 20
kubectl get rs -o wide
kubectl scale deployment.v1.apps/app-deployment --replicas=15
sleep 15
kubectl get rs -o wide
kubectl get deployment app-deployment
# Back to the working template, then the seed's own command.
kubectl rollout undo deployment.v1.apps/app-deployment
sleep 30
kubectl scale deployment.v1.apps/app-deployment --replicas=3
sleep 15
kubectl get deployment app-deployment
kubectl get rs -o wide
